"""irmer: decision support for IR(ME)R significant accidental or unintended exposures."""

__version__ = "0.1.0"
