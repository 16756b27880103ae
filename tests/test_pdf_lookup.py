"""Where docgen finds LibreOffice: the DOCGEN_SOFFICE variable, then PATH, then the usual
install folders of Windows (%ProgramFiles%, %ProgramFiles(x86)%) and macOS. The folders are
made under tmp_path and named by the environment, so no Windows or macOS is needed."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from docgen import pdf

WINDOWS_VARIABLES = ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")


@pytest.fixture
def bare(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A machine with no LibreOffice anywhere: an empty PATH, no Windows program folders, no
    macOS application; returns a folder to install fakes in."""
    for name in (pdf.SOFFICE_VARIABLE, *WINDOWS_VARIABLES):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setattr(pdf, "MACOS_APP",
                        tmp_path / "Applications/LibreOffice.app/Contents/MacOS/soffice")
    return tmp_path


def _program(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def _windows_install(folder: Path) -> Path:
    return _program(folder / "LibreOffice" / "program" / "soffice.exe")


def test_nothing_installed_names_the_three_ways(bare: Path) -> None:
    with pytest.raises(pdf.PdfError) as info:
        pdf.find_soffice()
    message = str(info.value)
    assert message == pdf.INSTALL_HINT
    assert message.startswith("Không tìm thấy LibreOffice để xuất PDF. docgen tìm theo ba cách: "
                              "(1) biến môi trường DOCGEN_SOFFICE")
    for way in ("DOCGEN_SOFFICE", "(2) lệnh 'soffice' trong PATH",
                r"%ProgramFiles%\LibreOffice\program", r"%ProgramFiles(x86)%\LibreOffice\program",
                "/Applications/LibreOffice.app", "libreoffice-writer-nogui fonts-liberation",
                "https://www.libreoffice.org"):
        assert way in message


def test_the_command_on_path_is_found_first(bare: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    on_path = _program(bare / "bin" / "soffice")
    monkeypatch.setenv("ProgramFiles", str(bare / "Program Files"))
    _windows_install(bare / "Program Files")
    assert pdf.find_soffice() == str(on_path)


def test_a_libreoffice_command_on_path_is_found(bare: Path) -> None:
    on_path = _program(bare / "bin" / "libreoffice")
    assert pdf.find_soffice() == str(on_path)


@pytest.mark.parametrize("variable", WINDOWS_VARIABLES)
def test_the_windows_install_folder_is_found(bare: Path, monkeypatch: pytest.MonkeyPatch,
                                             variable: str) -> None:
    folder = bare / "C" / ("Program Files (x86)" if "x86" in variable else "Program Files")
    monkeypatch.setenv(variable, str(folder))
    program = _windows_install(folder)
    assert pdf.find_soffice() == str(program)


def test_program_files_comes_before_the_32_bit_folder(bare: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ProgramFiles", str(bare / "Program Files"))
    monkeypatch.setenv("ProgramFiles(x86)", str(bare / "Program Files (x86)"))
    _windows_install(bare / "Program Files (x86)")
    newer = _windows_install(bare / "Program Files")
    assert pdf.find_soffice() == str(newer)


def test_a_windows_folder_without_libreoffice_is_passed_over(
    bare: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ProgramFiles", str(bare / "Program Files"))
    (bare / "Program Files" / "LibreOffice" / "program").mkdir(parents=True)  # uninstalled
    monkeypatch.setenv("ProgramFiles(x86)", str(bare / "Program Files (x86)"))
    program = _windows_install(bare / "Program Files (x86)")
    assert pdf.find_soffice() == str(program)


def test_the_macos_application_is_found(bare: Path) -> None:
    program = _program(pdf.MACOS_APP)
    assert pdf.find_soffice() == str(program)


def test_the_variable_comes_before_path_and_folders(bare: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _program(bare / "bin" / "soffice")
    _program(pdf.MACOS_APP)
    named = _windows_install(bare / "Ổ D" / "Phần mềm")  # spaces and Vietnamese letters
    monkeypatch.setenv("DOCGEN_SOFFICE", str(named))
    assert pdf.find_soffice() == str(named)


@pytest.mark.parametrize("written", ['"{}"', "  {}  "], ids=["quoted", "spaces"])
def test_the_variable_may_be_quoted_as_cmd_set_leaves_it(bare: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         written: str) -> None:
    named = _windows_install(bare / "Program Files")
    monkeypatch.setenv("DOCGEN_SOFFICE", written.format(named))
    assert pdf.find_soffice() == str(named)


@pytest.mark.parametrize("folder", ["LibreOffice", "LibreOffice/program"])
def test_the_variable_may_name_the_install_folder(bare: Path, monkeypatch: pytest.MonkeyPatch,
                                                  folder: str) -> None:
    program = _windows_install(bare / "Program Files")
    monkeypatch.setenv("DOCGEN_SOFFICE", str(bare / "Program Files" / folder))
    assert pdf.find_soffice() == str(program)


def test_the_variable_may_name_the_macos_application(bare: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    program = _program(bare / "Ứng dụng" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice")
    monkeypatch.setenv("DOCGEN_SOFFICE", str(bare / "Ứng dụng" / "LibreOffice.app"))
    assert pdf.find_soffice() == str(program)


def test_the_variable_may_name_a_command_on_path(bare: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    program = _program(bare / "bin" / "soffice-7.6")
    monkeypatch.setenv("DOCGEN_SOFFICE", "soffice-7.6")
    assert pdf.find_soffice() == str(program)


def test_a_wrong_variable_is_an_error_not_a_silent_fallback(
    bare: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _program(bare / "bin" / "soffice")  # would be found, but the setting says otherwise
    wrong = bare / "Program Files" / "LibreOffce" / "program" / "soffice.exe"
    monkeypatch.setenv("DOCGEN_SOFFICE", str(wrong))
    with pytest.raises(pdf.PdfError) as info:
        pdf.find_soffice()
    assert str(info.value) == (
        f"Biến môi trường DOCGEN_SOFFICE ghi '{wrong}', nhưng ở đó không có LibreOffice (tệp "
        "soffice.exe trên Windows, soffice trên Linux và macOS). Hãy sửa lại đường dẫn, ví dụ "
        r"C:\Program Files\LibreOffice\program\soffice.exe, hoặc xóa biến này để docgen tự "
        "tìm LibreOffice trong PATH và thư mục cài đặt.")


def test_a_program_that_cannot_run_is_an_error(bare: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    broken = bare / "LibreOffice" / "program" / "soffice.exe"
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"MZ")  # a file, but not one this system can run
    broken.chmod(0o644)
    monkeypatch.setenv("DOCGEN_SOFFICE", str(broken))
    monkeypatch.setattr(tempfile, "tempdir", str(bare))  # the private profile goes here
    document = bare / "2021_cum-ix_to-trinh.docx"
    document.write_bytes(b"")
    with pytest.raises(pdf.PdfError) as info:
        pdf.convert([document])
    assert str(info.value).startswith(f"Không chạy được LibreOffice '{broken}': ")
    assert str(info.value).endswith(
        "Hãy cài lại LibreOffice hoặc sửa biến môi trường DOCGEN_SOFFICE.")
    assert not document.with_suffix(".pdf").exists()
    assert not list(bare.glob(f"{pdf.PROFILE_PREFIX}*"))  # its profile was removed
