"""Report views: results objects in, sentences, charts and tables out.

Models return language-free numbers; a view reads them and writes the text of
one language. A report's results are computed once and each language is a
second pass over the same objects.
"""
