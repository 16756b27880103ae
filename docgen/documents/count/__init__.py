"""One kind of document (Biên bản kiểm phiếu): its template context (`context`) and template layout
(`layout`)."""
