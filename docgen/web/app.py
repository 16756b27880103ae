"""Turn the clerk's clicks into calls of docgen's library, the same ones the CLI makes.

One page per task: the archive (home), a new workbook, checking a workbook, building the
documents (`workbook_pages`), one archived set with its actions (`archive_pages`), and the
Decree 30 check of any .docx. Every verdict and message comes from the library
(`docgen.build`, `docgen.archive`, `docgen.verdicts`, `docgen.check`), so the page and the
CLI say the same thing. This module makes the application and applies the safety rules of
`docgen.web.guard` to every request; long builds run as jobs (`docgen.web.building`,
`docgen.web.jobs`); what the server keeps between requests is `docgen.web.state`.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, g, redirect, render_template, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.wrappers.response import Response as BaseResponse

from docgen.errors import DocgenError
from docgen.web import archive_pages, guard, workbook_pages
from docgen.web.state import (
    MAX_REQUEST,
    MAX_UPLOAD,
    Config,
    State,
    not_found,
)


def create_app(config: Config) -> Flask:
    """The web page's application (a WSGI app) over the archive `config.root`."""
    app = Flask(__name__)
    app.config.update(MAX_CONTENT_LENGTH=MAX_REQUEST, TEMPLATES_AUTO_RELOAD=False,
                      MAX_FORM_PARTS=200)
    state = State(config)
    app.extensions["docgen"] = state
    _security(app, state)
    workbook_pages.register(app, state)
    archive_pages.register(app, state)
    _errors(app)
    return app


# --- safety -------------------------------------------------------------------------------

def _security(app: Flask, state: State) -> None:
    config = state.config

    @app.before_request
    def guard_request() -> BaseResponse | tuple[str, int] | None:
        guard.check_host(request.host, config.hosts)
        if (request.content_length or 0) > MAX_REQUEST:  # refused before any byte is parsed
            raise RequestEntityTooLarge()
        g.session = request.cookies.get(guard.SESSION_COOKIE) or ""
        g.new_session = not g.session
        if g.new_session:
            g.session = guard.new_secret()
        if request.method == "POST":
            guard.check_post(host=request.host, origin=request.headers.get("Origin"),
                             fetch_site=request.headers.get("Sec-Fetch-Site"),
                             session=None if g.new_session else g.session,
                             sent=request.form.get(guard.CSRF_FIELD), key=config.key)
        if config.code is None:
            return None
        given = request.args.get(guard.ACCESS_FIELD)
        if given is not None and guard.same_code(given, config.code):
            g.grant = True
            return redirect(request.path)
        if request.method == "POST" and request.path == "/ma-truy-cap":
            if guard.same_code(request.form.get(guard.ACCESS_FIELD), config.code):
                g.grant = True
                return redirect("/")
            return render_template("access.html", wrong=True), 401
        if not guard.same_code(request.cookies.get(guard.ACCESS_COOKIE), config.code):
            return render_template("access.html", wrong=False), 401
        return None

    @app.after_request
    def headers(response: Response) -> Response:
        if getattr(g, "new_session", False):
            response.set_cookie(guard.SESSION_COOKIE, g.session, httponly=True,
                                samesite="Strict")
        if getattr(g, "grant", False) and config.code is not None:
            response.set_cookie(guard.ACCESS_COOKIE, config.code, httponly=True,
                                samesite="Strict")
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        # not "no-referrer": with it a browser sends "Origin: null" on every form
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.context_processor
    def form_code() -> dict[str, Any]:
        return {"csrf": guard.csrf_token(config.key, g.get("session", "")),
                "csrf_field": guard.CSRF_FIELD, "root": config.root}


def _errors(app: Flask) -> None:
    @app.errorhandler(guard.Refused)
    def refused(exc: guard.Refused) -> tuple[str, int]:
        return render_template("message.html", title="Yêu cầu bị từ chối",
                               message=str(exc)), exc.status

    @app.errorhandler(DocgenError)
    def refused_by_docgen(exc: DocgenError) -> tuple[str, int]:
        return render_template("message.html", title="Không làm được",
                               message=f"Lỗi: {exc}"), 400

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(exc: RequestEntityTooLarge) -> tuple[str, int]:
        return render_template(
            "message.html", title="Tệp quá lớn",
            message=f"Tệp gửi lên lớn hơn {MAX_UPLOAD // (1024 * 1024)} MB, mức docgen nhận; "
            "hãy xóa các trang, hình ảnh không cần rồi lưu lại."), 413

    @app.errorhandler(404)
    def unknown_page(exc: HTTPException) -> BaseResponse:
        return not_found()

    @app.errorhandler(500)
    def failed(exc: Exception) -> tuple[str, int]:
        return render_template("message.html", title="Lỗi không lường trước",
                               message="docgen gặp lỗi không lường trước khi làm việc này. "
                               "Hãy báo cho người quản trị docgen (kèm tệp đã dùng); các bộ "
                               "văn bản đã lưu không bị ảnh hưởng."), 500

    @app.errorhandler(405)
    def wrong_method(exc: HTTPException) -> tuple[str, int]:
        return render_template("message.html", title="Không làm được",
                               message="Trang này không nhận yêu cầu kiểu đó."), 405
