"""The shared-hub settings of docs/INSTRUCTOR_GUIDE.md, as the guide prints them: students'
servers hide the instructors' nbgrader extensions while the instructor keeps them (and can still
change them per user), and autograde warns about a changed test cell only when it was changed."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import nbformat

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "INSTRUCTOR_GUIDE.md"
BIN = Path(sys.executable).parent
FIXTURE = ROOT / "tests" / "fixtures" / "synapse_quiz.ipynb"
NAME = FIXTURE.stem
INSTRUCTOR_ONLY = (
    "@jupyter/nbgrader:formgrader",
    "@jupyter/nbgrader:create-assignment",
    "@jupyter/nbgrader:course-list",
)


def guide_block(language, first_line):
    blocks = re.findall(rf"```{language}\n(.*?)```", GUIDE.read_text(), re.S)
    found = [b for b in blocks if b.startswith(first_line + "\n")]
    assert len(found) == 1, f"the guide has {len(found)} {language} blocks starting with {first_line!r}"
    return found[0]


def env_for(home, config_path=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "NBGRADER"))}
    env.update(HOME=str(home), PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}")
    if config_path:
        env["JUPYTER_CONFIG_PATH"] = str(config_path)
    return env


WHAT_JUPYTER_LOADS = """
import json
from jupyter_core.paths import jupyter_config_path, jupyter_path
from jupyter_server.extension.config import ExtensionConfigManager
from jupyterlab_server.config import get_page_config
found = get_page_config(jupyter_path("labextensions")).get("disabledExtensions", [])
disabled = sorted(found if isinstance(found, list) else [k for k, v in found.items() if v])
server = ExtensionConfigManager(read_config_path=jupyter_config_path()).get_jpserver_extensions()
print(json.dumps({"disabled": disabled, "formgrader_server": server.get("nbgrader.server_extensions.formgrader")}))
"""


def loads(env):
    done = subprocess.run([sys.executable, "-c", WHAT_JUPYTER_LOADS], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    import json

    return json.loads(done.stdout)


def test_students_lose_the_instructors_extensions_and_the_instructor_keeps_them(tmp_path):
    students = tmp_path / "jupyter-students"
    script = guide_block("bash", "# students' Jupyter configuration (the instructors' servers do not load it)")
    subprocess.run(["bash", "-c", script.replace("/etc/jupyter-students", str(students))], check=True)
    (tmp_path / "student").mkdir()
    (tmp_path / "instructor").mkdir()

    student = loads(env_for(tmp_path / "student", students))
    assert set(INSTRUCTOR_ONLY) <= set(student["disabled"]), student
    assert "@jupyter/nbgrader:assignment-list" not in student["disabled"]
    assert student["formgrader_server"] is False

    instructor_env = env_for(tmp_path / "instructor")
    instructor = loads(instructor_env)
    assert not set(INSTRUCTOR_ONLY) & set(instructor["disabled"]), instructor
    assert instructor["formgrader_server"] is True
    # nothing is locked at a higher level: the instructor can still switch it per user
    for action in ("disable", "enable"):
        done = subprocess.run(
            ["jupyter", "labextension", action, "--level=user", INSTRUCTOR_ONLY[0]],
            env=instructor_env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_hub_hook_gives_the_students_folder_to_students_only():
    namespace = {"c": SimpleNamespace(Spawner=SimpleNamespace())}
    exec(
        guide_block("python", "# jupyterhub_config.py: students' servers load the folder above, instructors' do not"),
        namespace,
    )
    hook = namespace["c"].Spawner.pre_spawn_hook
    spawners = {
        name: SimpleNamespace(user=SimpleNamespace(name=name), environment={}) for name in ("instructor", "ada")
    }
    for spawner in spawners.values():
        hook(spawner)
    assert spawners["ada"].environment == {"JUPYTER_CONFIG_PATH": "/etc/jupyter-students"}
    assert spawners["instructor"].environment == {}


def test_autograde_warns_about_changed_test_cells_only_when_changed(tmp_path):
    course = tmp_path / "course"
    home = tmp_path / "instructor"
    (home / ".jupyter").mkdir(parents=True)
    config = guide_block("python", "# ~/.jupyter/nbgrader_config.py")
    config = config.replace("/home/instructor/neuroplasticity-course", str(course))
    (home / ".jupyter" / "nbgrader_config.py").write_text(config + '\nc.CourseDirectory.course_id = "quiz"\n')
    (course / "source" / NAME).mkdir(parents=True)
    shutil.copy2(FIXTURE, course / "source" / NAME)
    env = env_for(home)

    def nbgrader(*args):
        done = subprocess.run(["nbgrader", *args], cwd=course, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout + done.stderr

    nbgrader("generate_assignment", NAME)
    released = course / "release" / NAME / FIXTURE.name
    hidden = [
        c.metadata.nbgrader["grade_id"]
        for c in nbformat.read(FIXTURE, as_version=4).cells
        if c.cell_type == "code" and "BEGIN HIDDEN TESTS" in c.source
    ]
    assert hidden, "the fixture has no test cell with hidden tests"
    for student in ("untouched", "edited"):
        (course / "submitted" / student / NAME).mkdir(parents=True)
        shutil.copy2(released, course / "submitted" / student / NAME)
    edited = course / "submitted" / "edited" / NAME / FIXTURE.name
    notebook = nbformat.read(edited, as_version=4)
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == hidden[0]:
            cell.source = "pass  # the checks were removed"
    nbformat.write(notebook, edited)

    log_untouched = nbgrader("autograde", NAME, "--student=untouched")
    log_edited = nbgrader("autograde", NAME, "--student=edited")
    assert "has changed" not in log_untouched, log_untouched
    changed = re.findall(r"Attribute 'checksum' for cell (\S+) has changed", log_edited)
    assert changed == [hidden[0]], log_edited
