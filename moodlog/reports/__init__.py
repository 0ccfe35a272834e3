"""The clinician report: gathers a period of the diary and writes a PDF with QPdfWriter.
No widgets; runs the same from the window, a worker thread, the command line and tests."""
