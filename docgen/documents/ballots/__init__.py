"""One kind of document (Phiếu bầu): its template context (`context`) and template layout
(`layout`)."""
