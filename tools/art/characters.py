def portraits():
    return []
