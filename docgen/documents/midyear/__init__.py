"""One kind of document (Báo cáo sơ kết 6 tháng): its template context (`context`) and template
layout
(`layout`)."""
