"""The lesson's maths: softmax, the slides' examples, translation, convolution, the limits' experiments."""
