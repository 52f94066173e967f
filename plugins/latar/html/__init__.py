"""HTML built as element trees and serialised in one escaping place: article pages, other pages, head tags."""
