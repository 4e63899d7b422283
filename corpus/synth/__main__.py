"""``python -m corpus.synth --n N --out DIR`` (or ``--db URL``)."""
from .cli import main

raise SystemExit(main())
