"""Work around nbclient stalling for a whole cell timeout after a widget cell.

Measured here (nbclient 0.11.0, jupyter_client 8.10.0, pyzmq 27.3.0, ipykernel
7.4.0): after a cell that displays a widget (``helpers.widgets.live_plot``),
nbclient sometimes does not notice the kernel's ``execute_reply`` although it
has arrived. It waits on the shell socket with the cell timeout, and only when
that timeout runs out does the poll look again, find the reply and go on, with
no error. A 30 s timeout stalled 4 runs of notebook 01 in 10 on a loaded
2-core machine, 0 in 10 with this fix; nbgrader's autograde (900 s timeout)
stalled 15 minutes once. See jupyter/nbclient#312 (open).

The fix: wait for a message in slices of at most half a second, so a missed
wake-up costs at most that. Used around nbclient runs by notebook_runner.execute,
and around nbgrader's autograde by tests/executions.py.
"""

import contextlib
import time
from queue import Empty

from jupyter_client.channels import AsyncZMQSocketChannel

SLICE_S = 0.5


@contextlib.contextmanager
def prompt_replies():
    """Within this block, asyncio kernel clients wait for messages in slices of ``SLICE_S``."""
    original = AsyncZMQSocketChannel.get_msg

    async def get_msg(self, timeout=None):
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            remaining = SLICE_S if deadline is None else max(0.0, deadline - time.monotonic())
            try:
                return await original(self, timeout=min(SLICE_S, remaining))
            except Empty:
                if deadline is not None and time.monotonic() >= deadline:
                    raise

    AsyncZMQSocketChannel.get_msg = get_msg
    try:
        yield
    finally:
        AsyncZMQSocketChannel.get_msg = original
