"""The situational picture (tilannekuva): the top of the loop, seeing the whole.

It reads every stage below — report counts and signals through the disclosure door,
summaries and proposals through the knowledge access layer — and writes nothing.
"""
