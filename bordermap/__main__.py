import sys

from bordermap.cli import main

sys.exit(main())
