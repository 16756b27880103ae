"""One kind of document: its template context (`context`) and template layout (`layout`)."""
