# only a comment

   
# another
