"""The source library: bibliographic records, citation styles, import and export."""
