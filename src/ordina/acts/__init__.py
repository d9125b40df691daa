"""Draft acts: the latest recorded decision on a request, written as a determinazione.

``model`` is the document (blocks of text with links), ``templates`` reads the wording a
Comune can edit (``templates/*.yaml``), ``build`` fills it from the register entry, its
receipt and the database, ``render`` writes Markdown, HTML and DOCX.
"""
