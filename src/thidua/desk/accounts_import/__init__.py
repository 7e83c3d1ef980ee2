"""Accounts of a province created in bulk from an Excel list (username, full name, unit
code, role; optional e-mail and position): all rows or none, every error named by its row.

``sheet`` reads and writes the workbooks (the template, the list, the initial passwords),
``checks`` turns rows into accounts or errors, ``services`` creates them, ``rules`` says
whose units a person may create accounts in.
"""
