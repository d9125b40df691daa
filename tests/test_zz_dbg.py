import sys
sys.path.insert(0, "tests")
from test_register import *  # noqa
def test_dbg(cli):
    code, out, _ = cli("decide", "incarico 12")
    open(__import__("os").environ["DBG_OUT"], "w").write(out)
    assert 0
