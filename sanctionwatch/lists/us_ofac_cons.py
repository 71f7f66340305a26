"""OFAC's consolidated non-SDN list: the SDN XML layout, another dataset.

It holds the sectoral (SSI), Palestinian Legislative Council (NS-PLC), Chinese military
companies (CMIC) and other non-SDN programmes. Parsing and value tables are those of
:mod:`.us_ofac_sdn`; only the metadata differs. OFAC names the file ``consolidated.xml`` and
the root element is the same ``<sdnList>``, so the file name tells the two lists apart.
"""

from __future__ import annotations

from pathlib import Path

from sanctionwatch.lists import us_ofac_sdn
from sanctionwatch.lists.base import ListFormat, load_source
from sanctionwatch.lists.ofac import merge_lookups

SOURCE = merge_lookups(load_source(__file__), us_ofac_sdn.SOURCE)


def sniff(head: bytes, path: Path) -> bool:
    return b"<sdnList" in head and "cons" in path.name.lower()


FORMAT = ListFormat(
    name="us_ofac_cons",
    source=SOURCE,
    sniff=sniff,
    parse=us_ofac_sdn.parse_sdn_xml,
    suffixes=(".xml", ".xml.gz"),
    description="OFAC consolidated non-SDN list, XML export (CONSOLIDATED.XML)",
    aliases=("ofac_cons_xml", "consolidated.xml"),
)
