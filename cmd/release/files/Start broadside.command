#!/bin/sh
# Double-click this file to open the broadside studio in your browser.
# It runs the broadside program beside it; close this window to stop it.
cd "$(dirname "$0")" || exit 1
exec ./broadside start
