#!/usr/bin/env python
"""Django's manage.py, for tools that expect it; the ``agora`` command is the same thing."""

import sys

from agora.cli import main

if __name__ == "__main__":
    sys.exit(main())
