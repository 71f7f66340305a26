"""One router per resource: matching (yente-compatible), data, screening, findings, health."""
