"""Parts every kind of document shares: header, signature, award wording, layout blocks."""
