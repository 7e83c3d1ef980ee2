"""thidua: emulation and commendation campaigns for Vietnamese public bodies."""
