"""sanctionwatch: find sanctions violations in evidence of transfers, and explain each finding."""

__version__ = "0.1.0"

__all__ = ["__version__"]
