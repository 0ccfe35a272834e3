"""matplotlib Figure builders shared by the Charts view and the PDF report: one drawing
path, two outputs. No Qt, no pyplot; imported only when a chart is first needed."""
