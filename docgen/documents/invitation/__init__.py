"""One kind of document (Giấy mời dự hội nghị (GM)): its template context (`context`) and template
layout
(`layout`)."""
