"""Capaian from data: the metrics a unit's performance is measured by (`catalogue`) and their values
per appraisal period, from a file or pushed by the source system (`values`)."""
