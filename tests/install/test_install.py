"""scripts/install and scripts/uninstall on a temporary prefix: the installed roompoll runs from
there (--version, --help), the participants' page words are in PREFIX/share, its bash
completion completes subcommands, the manual page is there, and uninstall removes exactly what
install put there — files that were in the prefix before stay."""
import os
import pathlib
import shutil
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]


def run(*args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, cwd=ROOT, timeout=900, **kwargs)


def test_install_runs_from_the_prefix_and_uninstall_removes_it(tmp_path):
    prefix = tmp_path / "prefix"
    (prefix / "share" / "man").mkdir(parents=True)
    mine = prefix / "share" / "man" / "mine.txt"
    mine.write_text("not roompoll's\n")
    before = sorted(str(p.relative_to(prefix)) for p in prefix.rglob("*"))

    out = run("scripts/install", "--debug", str(prefix)).stdout
    assert f"in {prefix}" in out
    binary = prefix / "bin" / "roompoll"
    assert os.access(binary, os.X_OK)

    # The installed binary runs from the prefix; the participants' page words are installed beside it.
    version = subprocess.run([str(binary), "--version"], check=True, capture_output=True, text=True).stdout
    assert version.startswith("roompoll ") and "(git " in version, version
    assert (prefix / "share/roompoll/roompoll_PollServer.resources/words/fr.json").is_file()
    assert "Write a new poll file" in subprocess.run([str(binary), "--help"], capture_output=True, text=True).stdout

    # bash completes `roompoll re` to report, and `roompoll new ` to the templates.
    completion = prefix / "share/bash-completion/completions/roompoll"
    script = f"""
        source {completion}
        COMP_WORDS=(roompoll re); COMP_CWORD=1; COMP_LINE="roompoll re"; COMP_POINT=${{#COMP_LINE}}
        _roompoll; echo "${{COMPREPLY[@]}}"
        COMP_WORDS=(roompoll new ""); COMP_CWORD=2; COMP_LINE="roompoll new "; COMP_POINT=${{#COMP_LINE}}
        _roompoll; echo "${{COMPREPLY[@]}}"
    """
    lines = subprocess.run(["bash", "-c", script], check=True, capture_output=True, text=True,
                           env={**os.environ, "PATH": f"{prefix / 'bin'}:{os.environ['PATH']}"}).stdout.splitlines()
    assert "report" in lines[0].split(), lines
    assert {"workshop", "training", "panel"} <= set(lines[1].split()), lines
    assert (prefix / "share/zsh/site-functions/_roompoll").read_text().startswith("#compdef roompoll")
    assert "complete -c 'roompoll'" in (prefix / "share/fish/vendor_completions.d/roompoll.fish").read_text()
    manual = prefix / "share/man/man1/roompoll.1"
    assert manual.is_file() and ".Nm roompoll" in manual.read_text()

    out = run("scripts/uninstall", str(prefix)).stdout
    assert "Removed roompoll" in out
    after = sorted(str(p.relative_to(prefix)) for p in prefix.rglob("*"))
    assert after == before, "exactly what was there before"
    assert mine.read_text() == "not roompoll's\n"
    # Nothing installed: uninstall says so.
    second = subprocess.run(["scripts/uninstall", str(prefix)], capture_output=True, text=True, cwd=ROOT)
    assert second.returncode == 1 and "not installed" in second.stderr
