"""Files that are not pages: Web Annotation collection, sitemap, social cards, search index."""
