"""Grievance clocks: step deadlines in business days and the status of every step."""
