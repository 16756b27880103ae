"""One kind of document (Phụ lục kết quả chấm điểm của báo cáo tổng kết): its template context
(`context`) and template layout
(`layout`)."""
