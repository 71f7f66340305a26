"""Report analysis: from news text to transfer events to findings with evidence.

    analysis = analyze_text(text, published="2024-02-20")
    analysis.to_dict()   # the ``analyze --format json`` object of design.md

The extraction pipeline is built from ``data/pipeline.yml``: components registered under
versioned names (:mod:`sanctionwatch.extract.registry`) that each take and return a
:class:`~sanctionwatch.extract.doc.Doc`.
"""

from sanctionwatch.extract.analysis import Analysis, analyze_text
from sanctionwatch.extract.html import analyze_html, extract_html

__all__ = ["Analysis", "analyze_html", "analyze_text", "extract_html"]
