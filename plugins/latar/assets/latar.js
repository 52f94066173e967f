/* latar: progressive enhancement of footnotes */
