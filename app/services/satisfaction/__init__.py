"""Survei Kepuasan Masyarakat: the layanan (`layanan`), the public's answers and their moderation
(`responses`), and the results with the official report (`results`)."""
