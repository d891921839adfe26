"""Official reference data shipped inside the package: facts from regulations, read-only, versioned.

Pure Python (no Django), like :mod:`kotacerdas.method`: the planning nomenclature (Kepmendagri 050-5889/2021 as
amended by 900.1.15.5-1317/2023) and the area codes (Kepmendagri 300.2.2-2138/2025 jo. 2430/2025). The data files
sit in ``data/`` as gzip-compressed CSV; their provenance is in ``data/README.md``.
"""
