"""Reading other apps' exports into an ImportPreview (pure Python: no Qt, no SQL).

One module per format, plus ``format_detection`` (which format a file is, and reading it),
and the shared pieces: decoding and CSV records (``source_text``), clock times, localised
month names, note clean-up. Storage writes a preview with ``DiaryStore.imports``.

What a person reads (format names, the notes on where fields went, problems, errors) goes
through ``translate``. The check-ins' text does not: notes built from a file ("Activities:
…") and mood names are diary data, compared to skip rows already imported.
"""
