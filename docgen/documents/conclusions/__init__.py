"""One kind of document (Thông báo kết luận hội nghị (TB)): its template context (`context`) and
template layout
(`layout`)."""
