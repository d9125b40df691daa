"""Amministrazione trasparente: the two lists of incarichi D.Lgs. 33/2013 makes public.

``tables`` builds the rows (only the fields the law names), ``write`` writes them as CSV
and XLSX, never over an existing file without ``force``, with cells that a spreadsheet
could read as a formula quoted.
"""
