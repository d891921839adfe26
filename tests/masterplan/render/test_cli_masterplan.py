"""`kotacerdas masterplan REGION --format … -o FILE`: writes the file, exit 0; an unknown region exits 2."""

import pytest

from kotacerdas.cli import main


@pytest.mark.django_db
def test_pdf_written(world, tmp_path, capsys):
    out = tmp_path / "masterplan.pdf"
    assert main(["masterplan", "katingan", "--format", "pdf", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    err = capsys.readouterr().err
    assert "analisis ..." in err and "menulis PDF ..." in err  # step lines: stderr is not a terminal here


@pytest.mark.django_db
@pytest.mark.parametrize(("fmt", "magic"), [("docx", b"PK\x03\x04"), ("html", b"<!doctype html>")])
def test_docx_and_html_written(world, tmp_path, fmt, magic):
    out = tmp_path / f"masterplan.{fmt}"
    assert main(["masterplan", "katingan", "--format", fmt, "-o", str(out)]) == 0
    assert out.read_bytes().startswith(magic)


@pytest.mark.django_db
def test_unknown_region_exits_2(world, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert main(["masterplan", "tidak-ada", "--format", "pdf", "-o", str(out)]) == 2
    assert not out.exists()
    assert "tidak-ada" in capsys.readouterr().err


def test_progress_bar_redraws_in_place_on_a_terminal():
    import io

    from kotacerdas.cli import _ProgressBar

    class Tty(io.StringIO):
        def isatty(self):
            return True

    stream = Tty()
    bar = _ProgressBar(stream)
    bar("grafik", 1, 4)
    bar("grafik", 4, 4)
    bar.close()
    text = stream.getvalue()
    assert text.count("\r") == 2 and "4/4" in text and text.endswith("\n")
