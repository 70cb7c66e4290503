"""Work around nbclient stalling for a whole cell timeout after a widget cell.

Measured here (nbclient 0.11.0, jupyter_client 8.10.0, pyzmq 27.3.0, ipykernel
7.4.0): after a cell that displays a widget (``helpers.widgets.live_plot``),
nbclient sometimes does not notice the kernel's ``execute_reply`` although it
has arrived. It waits on the shell socket with the cell timeout, and only when
that timeout runs out does the poll look again, find the reply and go on, with
no error. A 30 s timeout stalled 4 runs of notebook 01 in 10 on a loaded
2-core machine, 0 in 10 with this fix; nbgrader's autograde (900 s timeout)
stalled 15 minutes once. See jupyter/nbclient#312 (open).

The fix (wait for a message in slices of at most half a second, so a missed
wake-up costs at most that) lives in the installed package,
``helpers.coursework``, so that every user's nbgrader gets it through the
system-wide nbgrader_config.py (docs/INSTRUCTOR_GUIDE.md). Used here around
nbclient runs by notebook_runner.execute, and around nbgrader's autograde by
tests/executions.py.
"""

from helpers.coursework import REPLY_SLICE_S as SLICE_S  # noqa: F401
from helpers.coursework import prompt_replies  # noqa: F401
