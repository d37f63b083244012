"""The summary report, laid out with QTextDocument and painted page by page (print, preview, PDF)."""
