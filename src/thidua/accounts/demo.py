"""The password of every demo sign-in (README.md; a test keeps the table in step).

The demo people are created by ``thidua.desk.demo_users`` (``demo_setup``), never by
migrations; other apps' demo modules add theirs with the same password.
"""

DEMO_PASSWORD = "thidua-demo"
