"""Moving a region in and out of kotacerdas: the region file ``kotacerdas-region/1`` (JSON).

- :mod:`.region_file`: the public functions ``export_region`` and ``import_document`` and the list of sections;
- :mod:`.sections`: what a section handler is (export, collect, check, write) and the shared helpers;
- :mod:`.workspace`: the sections of the region workspace (profile, districts, RPJMD, agencies, local wisdom,
  governance, users);
- :mod:`.assessment` and :mod:`.actionplan`: the sections of bimtek I–II and of the action plan;
- :mod:`.schema`: the JSON Schema ``region-format.schema.json`` and its problems;
- :mod:`.problems`: ``Problem`` (a JSON path and a message) and ``InvalidRegionFile``.

Every import is all-or-nothing: the whole document is checked first, then written in one transaction.
"""
