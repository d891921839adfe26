"""Moving a region in and out of kotacerdas: the region file ``kotacerdas-region/1`` (JSON) and the bimtek workbook
``kotacerdas-workbook/1`` (.xlsx). Interchange sits above the stage apps: it imports their models and services, they
never import it (only the workbook pages of bimtek II call :mod:`.workbook`).

Region file:

- :mod:`.region_file`: ``read_document``, ``check_document``, ``import_document``, ``export_region`` and the list of
  sections;
- :mod:`.sections`: what a section is (export, collect, check, write) and the helpers both imports share (model
  validation messages, ``record`` for a history-keeping save);
- :mod:`.workspace`, :mod:`.assessment`, :mod:`.document`, :mod:`.actionplan`: the sections of each stage;
- :mod:`.schema`: the JSON Schema ``region-format.schema.json`` and its problems;
- :mod:`.problems`: ``Problem`` (a JSON path and a message) and ``InvalidRegionFile``;
- :mod:`.limits`: the limits on what any import reads (size, nesting, numbers, control characters, rows).

Workbook, from the bottom up (no module imports one above it):

- :mod:`.workbook_columns` (columns, sheets, catalogue) ← :mod:`.workbook_actionplan_layout`,
  :mod:`.workbook_instructions` ← :mod:`.workbook_layout` (every sheet, drawing) ← :mod:`.workbook_problems`;
- :mod:`.workbook_export` and :mod:`.workbook_import` (reading the sheets, and the checks of the bimtek sheets that
  have no codec yet) ← :mod:`.workbook_codecs` (sheets read as a section's data, then checked and written by that
  section: Kesiapan, Kematangan, Indikator, Nilai, Pendorong) and :mod:`.workbook_actionplan` (the action plan's) ←
  :mod:`.workbook` (the public functions, composing them).

Every import is all-or-nothing: the whole file is read and checked first, then written in one transaction; who may
bring in which row is decided by :class:`kotacerdas.permissions.Access` (``for_import``, ``may_bring_in``).
"""
