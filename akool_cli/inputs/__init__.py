"""Inputs made ready before anything is billed: URL checks, uploads to the user's bucket, face checks."""
