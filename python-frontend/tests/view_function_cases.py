"""view_cases.FUNCTIONS run by real Paddle (paddle_json_child.py) for test_views.py."""
import view_cases


def run(paddle):
    return view_cases.run_functions(paddle)
