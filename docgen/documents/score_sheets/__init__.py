"""One kind of document (Bảng chấm điểm thi đua của từng thành viên): its template context
(`context`) and template layout
(`layout`)."""
