"""The core: articles, notes, rules, anchoring and the pipeline. Imports no HTML layer, MkDocs or Jinja."""
